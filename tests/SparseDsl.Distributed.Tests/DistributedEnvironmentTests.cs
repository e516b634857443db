namespace SparseDsl.Distributed.Tests;

public sealed class DistributedEnvironmentTests
{
    private static DistributedEnvironment? Read(params (string Name, string Value)[] variables) =>
        DistributedEnvironment.FromVariables(name => variables.FirstOrDefault(v => v.Name == name).Value);

    [Fact]
    public void No_launch_variable_means_a_single_process() => Assert.Null(Read());

    [Fact]
    public void All_five_variables_make_the_environment()
    {
        var environment = Read(("MASTER_ADDR", "node-0"), ("MASTER_PORT", "29500"), ("RANK", "3"), ("WORLD_SIZE", "8"), ("LOCAL_RANK", "1"));
        Assert.Equal(new DistributedEnvironment("node-0", 29500, 3, 8, 1), environment);
        Assert.False(environment!.AgentStore);
    }

    [Fact]
    public void Torchrun_agent_store_is_recognised()
    {
        var environment = Read(("MASTER_ADDR", "a"), ("MASTER_PORT", "1"), ("RANK", "0"), ("WORLD_SIZE", "1"), ("LOCAL_RANK", "0"),
            ("TORCHELASTIC_USE_AGENT_STORE", "True"));
        Assert.True(environment!.AgentStore);
    }

    [Fact]
    public void Every_missing_and_invalid_variable_is_listed_at_once()
    {
        var e = Assert.Throws<DistributedEnvironmentException>(() => Read(("MASTER_PORT", "70000"), ("RANK", "-1"), ("WORLD_SIZE", "zero")));
        Assert.Equal(
        [
            "MASTER_ADDR is not set",
            "LOCAL_RANK is not set",
            "MASTER_PORT='70000' is not valid; expected a TCP port in 1..65535",
            "WORLD_SIZE='zero' is not valid; expected a positive number of processes",
            "RANK='-1' is not valid; expected this process's index, 0..WORLD_SIZE-1",
        ], e.Problems);
        Assert.Contains("or none of them for a single process", e.Message);
    }

    [Fact]
    public void Ranks_must_fall_inside_the_world()
    {
        var e = Assert.Throws<DistributedEnvironmentException>(() =>
            Read(("MASTER_ADDR", "a"), ("MASTER_PORT", "1"), ("RANK", "2"), ("WORLD_SIZE", "2"), ("LOCAL_RANK", "2")));
        Assert.Equal(["RANK=2 is not below WORLD_SIZE=2", "LOCAL_RANK=2 is not below WORLD_SIZE=2"], e.Problems);
    }

    [Fact]
    public void Collectives_without_a_group_say_how_to_start_one()
    {
        Assert.False(distributed.is_initialized());
        var e = Assert.Throws<InvalidOperationException>(() => distributed.get_rank());
        Assert.Contains("init_process_group", e.Message);
    }

    [Fact]
    public void This_libtorch_offers_gloo() => Assert.True(distributed.is_gloo_available());
}
