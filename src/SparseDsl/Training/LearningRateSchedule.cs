using SparseDsl.Torch.Optim;
using static SparseDsl.Torch.torch;

namespace SparseDsl.Training;

/// <summary>The per-epoch learning-rate schedule of <see cref="TrainingSettings"/>, built from PyTorch 1.13's schedulers.</summary>
public static class LearningRateSchedule
{
    /// <summary>
    /// Without warm-up, <c>MultiStepLR(milestones, gamma)</c>. With a warm-up of W epochs,
    /// <c>SequentialLR([LinearLR(start_factor, 1, W), MultiStepLR(milestones − W, gamma)], [W])</c>: the step schedule
    /// restarts its count at the hand-over, so its milestones are shifted by W to keep the decays at the absolute
    /// epochs the settings name (30/60/90 of the ImageNet recipe). A milestone inside the warm-up is refused.
    /// </summary>
    public static LRScheduler Create(Optimizer optimizer, TrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(settings);
        var milestones = settings.MilestoneEpochs();
        if (settings.Warmup is not { Epochs: > 0 } warmup)
            return optim.lr_scheduler.MultiStepLR(optimizer, milestones, settings.Gamma);
        if (milestones.FirstOrDefault(m => m <= warmup.Epochs) is var early and > 0)
            throw new ArgumentException(
                $"Milestone epoch {early} falls inside the {warmup.Epochs} warm-up epochs; decays must come after the warm-up.", nameof(settings));
        var linear = optim.lr_scheduler.LinearLR(optimizer, warmup.StartFactor, 1.0, warmup.Epochs);
        var steps = optim.lr_scheduler.MultiStepLR(optimizer, milestones.Select(m => m - warmup.Epochs), settings.Gamma);
        return optim.lr_scheduler.SequentialLR(optimizer, [linear, steps], [warmup.Epochs]);
    }
}
