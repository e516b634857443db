namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>Learning-rate schedules (PyTorch 1.13's), each stepped once per epoch after <c>optimizer.step()</c>.</summary>
        public static class lr_scheduler
        {
            public static Optim.MultiStepLR MultiStepLR(Optim.Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1) =>
                new(optimizer, milestones, gamma);

            public static Optim.CosineAnnealingLR CosineAnnealingLR(Optim.Optimizer optimizer, int T_max, double eta_min = 0) =>
                new(optimizer, T_max, eta_min);

            public static Optim.LinearLR LinearLR(Optim.Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5) =>
                new(optimizer, start_factor, end_factor, total_iters);

            /// <summary>Schedules one after another, e.g. a <see cref="LinearLR"/> warmup then the main schedule; see <see cref="Optim.SequentialLR"/>.</summary>
            public static Optim.SequentialLR SequentialLR(Optim.Optimizer optimizer, IEnumerable<Optim.ChainableLRScheduler> schedulers, IEnumerable<int> milestones) =>
                new(optimizer, schedulers, milestones);
        }
    }
}
