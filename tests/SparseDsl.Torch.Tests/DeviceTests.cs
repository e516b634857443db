namespace SparseDsl.Torch.Tests;

public class DeviceTests
{
    [Fact]
    public void Cuda_availability_agrees_with_the_device_count()
    {
        Assert.Equal(cuda.device_count() > 0, cuda.is_available());
        cuda.synchronize();
    }

    [Fact]
    public void Moving_to_cuda_fails_clearly_without_cuda_and_works_with_it()
    {
        using var t = ones(3);
        if (cuda.is_available())
        {
            using var onGpu = t.to(CUDA);
            Assert.Equal(DeviceType.CUDA, onGpu.device.type);
            cuda.synchronize(CUDA);
            Assert.Equal(new[] { 1f, 1f, 1f }, onGpu.data<float>());
        }
        else
        {
            var moving = Assert.Throws<TorchException>(() => t.to(CUDA));
            Assert.Contains("Cannot use device cuda:0: CUDA is not available", moving.Message);
            var creating = Assert.Throws<TorchException>(() => zeros([2], device: CUDA));
            Assert.Contains("CUDA is not available", creating.Message);
        }
    }

    [Fact]
    public void Synchronize_rejects_a_cpu_device()
    {
        Assert.Throws<ArgumentException>(() => cuda.synchronize(CPU));
    }

    [Fact]
    public void Num_threads_round_trips_on_the_calling_thread()
    {
        var before = get_num_threads();
        try
        {
            set_num_threads(1);
            Assert.Equal(1, get_num_threads());
        }
        finally
        {
            set_num_threads(before);
        }
        Assert.Equal(before, get_num_threads());
        Assert.Throws<TorchException>(() => set_num_threads(0));
    }

    [Fact]
    public void Interop_threads_can_be_set_at_most_once()
    {
        var current = get_num_interop_threads();
        Assert.True(current > 0);
        // The first call may already be too late (other tests started parallel work); the second never succeeds.
        try { set_num_interop_threads(current); }
        catch (TorchException) { }
        var error = Assert.Throws<TorchException>(() => set_num_interop_threads(current));
        Assert.Contains("interop threads", error.Message);
    }
}
