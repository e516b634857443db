using SparseDsl.Torch.Optim;

namespace SparseDsl.Torch.Tests;

// Reference rates from PyTorch 1.13 (/usr/bin/python3), printed with repr (the exact doubles):
//   p = torch.nn.Parameter(torch.zeros(1)); opt = torch.optim.SGD([p], lr=0.1); s = make(opt)
//   lrs = [s.get_last_lr()[0]]
//   for _ in range(steps): opt.step(); s.step(); lrs.append(s.get_last_lr()[0])
// The rates are compared exactly: the schedules perform PyTorch's double operations in the same order.
public sealed class SchedulerTests : IDisposable
{
    private readonly nn.Parameter weight;

    public SchedulerTests()
    {
        using var data = zeros(1);
        weight = new nn.Parameter(data);
    }

    public void Dispose() => weight.Dispose();

    private SGD NewOptimizer() => optim.SGD([weight], lr: 0.1);

    /// <summary>The rate after construction, then after each of <paramref name="steps"/> steps; checks the optimizer follows.</summary>
    private static double[] Run(LRScheduler scheduler, int steps)
    {
        var rates = new List<double> { scheduler.get_last_lr() };
        for (var i = 0; i < steps; i++)
        {
            scheduler.optimizer.step();
            scheduler.step();
            Assert.Equal(scheduler.get_last_lr(), scheduler.optimizer.LearningRate);
            rates.Add(scheduler.get_last_lr());
        }
        return [.. rates];
    }

    [Fact]
    public void MultiStepLR_matches_pytorch()
    {
        // make = lambda o: MultiStepLR(o, milestones=[3, 6, 6], gamma=0.1); steps = 8
        using var opt = NewOptimizer();
        double[] expected = [0.1, 0.1, 0.1, 0.010000000000000002, 0.010000000000000002, 0.010000000000000002,
            0.00010000000000000005, 0.00010000000000000005, 0.00010000000000000005];
        Assert.Equal(expected, Run(optim.lr_scheduler.MultiStepLR(opt, [3, 6, 6], gamma: 0.1), 8));
    }

    [Fact]
    public void CosineAnnealingLR_matches_pytorch_through_the_minimum_and_back()
    {
        // make = lambda o: CosineAnnealingLR(o, T_max=5, eta_min=0.001); steps = 13
        using var opt = NewOptimizer();
        double[] expected = [0.1, 0.0905463412215599, 0.06579634122155989, 0.035203658778440096, 0.010453658778440105, 0.001,
            0.010453658778440102, 0.03520365877844012, 0.06579634122155993, 0.09054634122155995, 0.10000000000000005,
            0.09054634122155998, 0.06579634122155995, 0.03520365877844014];
        Assert.Equal(expected, Run(optim.lr_scheduler.CosineAnnealingLR(opt, T_max: 5, eta_min: 0.001), 13));
    }

    [Fact]
    public void LinearLR_matches_pytorch_and_holds_after_total_iters()
    {
        // make = lambda o: LinearLR(o, start_factor=0.25, total_iters=4); steps = 6
        using var opt = NewOptimizer();
        double[] expected = [0.025, 0.043750000000000004, 0.06250000000000001, 0.08125000000000002, 0.10000000000000002,
            0.10000000000000002, 0.10000000000000002];
        Assert.Equal(expected, Run(optim.lr_scheduler.LinearLR(opt, start_factor: 0.25, total_iters: 4), 6));
    }

    private static SequentialLR WarmupThenCosine(SGD opt) =>
        optim.lr_scheduler.SequentialLR(opt,
            [optim.lr_scheduler.LinearLR(opt, start_factor: 0.1, total_iters: 3), optim.lr_scheduler.CosineAnnealingLR(opt, T_max: 6)],
            milestones: [3]);

    // make = lambda o: SequentialLR(o, [LinearLR(o, start_factor=0.1, total_iters=3), CosineAnnealingLR(o, T_max=6)], milestones=[3])
    // steps = 11
    private static readonly double[] WarmupThenCosineRates = [0.010000000000000002, 0.04, 0.07, 0.1, 0.09330127018922195,
        0.07500000000000001, 0.05, 0.025000000000000012, 0.006698729810778065, 0.0, 0.006698729810778065, 0.025];

    [Fact]
    public void Linear_warmup_then_cosine_matches_pytorch_SequentialLR()
    {
        using var opt = NewOptimizer();
        Assert.Equal(WarmupThenCosineRates, Run(WarmupThenCosine(opt), 11));
    }

    [Fact]
    public void A_resumed_schedule_continues_exactly()
    {
        IReadOnlyDictionary<string, double> saved;
        using (var opt = NewOptimizer())
        {
            var schedule = WarmupThenCosine(opt);
            Run(schedule, 2);
            saved = schedule.state_dict();
        }
        Assert.Equal(2.0, saved["last_epoch"]);
        Assert.Equal(-1.0, saved["schedulers.1.last_epoch"]);

        using var resumedOpt = NewOptimizer();
        var resumed = WarmupThenCosine(resumedOpt);
        resumed.load_state_dict(saved);
        Assert.Equal(WarmupThenCosineRates[2], resumedOpt.LearningRate);
        Assert.Equal(WarmupThenCosineRates[2..], Run(resumed, 9));
    }

    [Fact]
    public void Loading_the_state_of_a_different_schedule_is_rejected()
    {
        using var opt = NewOptimizer();
        var cosine = optim.lr_scheduler.CosineAnnealingLR(opt, T_max: 5);
        var sequential = WarmupThenCosine(opt);
        Assert.Throws<ArgumentException>(() => cosine.load_state_dict(sequential.state_dict()));
    }

    [Fact]
    public void Schedules_reject_what_pytorch_rejects()
    {
        using var opt = NewOptimizer();
        Assert.Throws<ArgumentOutOfRangeException>(() => optim.lr_scheduler.LinearLR(opt, start_factor: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => optim.lr_scheduler.CosineAnnealingLR(opt, T_max: 0));
        var linear = optim.lr_scheduler.LinearLR(opt);
        Assert.Throws<ArgumentException>(() => optim.lr_scheduler.SequentialLR(opt, [linear], milestones: [3]));
    }
}
