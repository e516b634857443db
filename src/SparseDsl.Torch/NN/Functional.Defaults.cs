namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        public static partial class functional
        {
            // Shared defaults for omitted size arguments (a single value applies to every spatial dimension),
            // so that leaving an argument out costs no allocation. Never written to.
            private static readonly long[] SingleOne = [1];
            private static readonly long[] SingleZero = [0];
        }
    }
}
