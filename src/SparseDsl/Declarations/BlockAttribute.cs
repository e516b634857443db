namespace SparseDsl;

/// <summary>
/// Declares a reusable block: its layer attributes, in source order, are the block's forward pass, and
/// <see cref="ResidualAttribute"/> adds a shortcut. Convolutions are written at the channel counts of one
/// reference instance; a <see cref="StageAttribute"/> scales them so that the block's last convolution
/// outputs the stage's channels (a bottleneck written 64-64-256 becomes 128-128-512 in a 512-channel stage).
/// The convolution marked <see cref="Conv2dAttribute.Strided"/> takes the stage's stride in its first block.
/// The generator emits <c>&lt;Block&gt;Module</c>, a module built from (in_channels, channels, stride).
/// The declaration must be a top-level, non-generic <c>partial record</c> (or <c>partial class</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class BlockAttribute : Attribute;
