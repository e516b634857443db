namespace SparseDsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// Base of every module, as TorchSharp's: parameters, buffers and sub-modules are registered explicitly
        /// (no reflection, so trimming and AOT keep working) and enumerate with stable dotted names
        /// (<c>stages.1.blocks.0.conv1.weight</c>) in registration order, which checkpoints rely on.
        /// The module owns what is registered and disposes it with itself.
        /// </summary>
        public abstract class Module : IDisposable
        {
            private readonly List<(string Name, Parameter? Value)> ownParameters = [];
            private readonly List<(string Name, Tensor? Value)> ownBuffers = [];
            private readonly List<(string Name, Module Value)> children = [];

            protected Module(string name) => this.name = name;

            /// <summary>The module's type name, e.g. <c>Conv2d</c>.</summary>
            public string name { get; }

            /// <summary>True in training mode (dropout active, batch norm uses batch statistics).</summary>
            public bool training { get; private set; } = true;

            public void register_parameter(string name, Parameter? parameter) => Set(ownParameters, name, parameter);
            public void register_buffer(string name, Tensor? buffer)
            {
                buffer?.DetachFromDisposeScope();
                Set(ownBuffers, name, buffer);
            }
            public void register_module(string name, Module module) => Set(children, name, module);

            private static void Set<T>(List<(string Name, T Value)> list, string name, T value)
            {
                if (string.IsNullOrEmpty(name) || name.Contains('.'))
                    throw new ArgumentException($"Invalid member name '{name}': names must be non-empty and contain no '.'.", nameof(name));
                var index = list.FindIndex(e => e.Name == name);
                if (index >= 0) list[index] = (name, value);
                else list.Add((name, value));
            }

            /// <summary>Direct children, in registration order.</summary>
            public IEnumerable<(string name, Module module)> named_children() => children.Select(m => (m.Name, m.Value));

            /// <summary>All modules below (and including) this one, depth first, with dotted names ("" for this one).</summary>
            public IEnumerable<(string name, Module module)> named_modules(string prefix = "")
            {
                yield return (prefix, this);
                foreach (var (childName, child) in children)
                    foreach (var entry in child.named_modules(Join(prefix, childName)))
                        yield return entry;
            }

            public IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
            {
                foreach (var (moduleName, module) in recurse ? named_modules() : [("", this)])
                    foreach (var (n, p) in module.ownParameters)
                        if (p is not null) yield return (Join(moduleName, n), p);
            }

            public IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true)
            {
                foreach (var (moduleName, module) in recurse ? named_modules() : [("", this)])
                    foreach (var (n, b) in module.ownBuffers)
                        if (b is not null) yield return (Join(moduleName, n), b);
            }

            /// <summary>All parameters, recursively, in registration order.</summary>
            public IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

            /// <summary>Parameters then buffers, by dotted name: the tensors a checkpoint holds. Aliases; do not dispose them.</summary>
            public IReadOnlyList<(string name, Tensor tensor)> state_dict() =>
                [.. named_parameters().Select(p => (p.name, (Tensor)p.parameter)), .. named_buffers()];

            /// <summary>Sets training mode here and below.</summary>
            public virtual Module train(bool on = true)
            {
                training = on;
                foreach (var (_, m) in children) m.train(on);
                return this;
            }

            public Module eval() => train(false);

            /// <summary>Drops every parameter's gradient.</summary>
            public void zero_grad()
            {
                foreach (var p in parameters()) p.clear_grad();
            }

            /// <summary>Moves every parameter and buffer to <paramref name="device"/> in place (objects keep their identity).</summary>
            public virtual Module to(Device device)
            {
                foreach (var (_, p) in named_parameters()) MoveInPlace(p, device);
                foreach (var (_, b) in named_buffers()) MoveInPlace(b, device);
                return this;
            }

            /// <summary>
            /// Lays every 4-D parameter and buffer (convolution weights, their masks) out in <paramref name="format"/>
            /// in place, as PyTorch's <c>module.to(memory_format=...)</c>: values and object identities stay the same.
            /// Do it before creating the optimizer; its state follows the gradients' layout.
            /// </summary>
            public Module to(MemoryFormat format)
            {
                foreach (var (_, p) in named_parameters()) RelayInPlace(p, format);
                foreach (var (_, b) in named_buffers()) RelayInPlace(b, format);
                return this;
            }

            private static void RelayInPlace(Tensor t, MemoryFormat format)
            {
                if (t.dim() != 4 || t.is_contiguous(format)) return;
                using var relaid = t.contiguous(format);
                t.set_data(relaid);
            }

            private static void MoveInPlace(Tensor t, Device device)
            {
                if (t.device == device || (t.device.type == device.type && device.index < 0)) return;
                using var moved = t.to(device);
                t.set_data(moved);
            }

            private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

            public void Dispose()
            {
                Dispose(true);
                GC.SuppressFinalize(this);
            }

            protected virtual void Dispose(bool disposing)
            {
                if (!disposing) return;
                foreach (var (_, m) in children) m.Dispose();
                foreach (var (_, p) in ownParameters) p?.Dispose();
                foreach (var (_, b) in ownBuffers) b?.Dispose();
            }
        }

        /// <summary>A module with a typed forward pass; <see cref="call"/> runs it.</summary>
        public abstract class Module<T, TResult>(string name) : Module(name)
        {
            public abstract TResult forward(T input);

            public TResult call(T input) => forward(input);
        }
    }
}
