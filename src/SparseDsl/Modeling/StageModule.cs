using static SparseDsl.Torch.torch;

namespace SparseDsl.Modeling;

/// <summary>A stage of a generated model: its blocks, registered as <c>blocks.0</c>, <c>blocks.1</c>…, run in order.</summary>
public sealed class StageModule : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor>[] blocks;

    public StageModule(params nn.Module<Tensor, Tensor>[] blocks) : base("Stage")
    {
        ArgumentNullException.ThrowIfNull(blocks);
        if (blocks.Length == 0) throw new ArgumentException("A stage needs at least one block.", nameof(blocks));
        var list = new IndexedModuleList();
        foreach (var block in blocks) list.Add(block);
        register_module("blocks", list);
        this.blocks = (nn.Module<Tensor, Tensor>[])blocks.Clone();
    }

    public int Count => blocks.Length;

    public nn.Module<Tensor, Tensor> this[int index] => blocks[index];

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var block in blocks) x = block.forward(x);
        return x;
    }
}
