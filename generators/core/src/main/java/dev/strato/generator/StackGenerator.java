package dev.strato.generator;

/**
 * The one flow of every cloud generator: build the stack in memory, check it against the cloud's
 * limits, write it. Each cloud module has the same parts under the same names, so that a reader
 * who knows one can read the others by analogy:
 * <ul>
 *   <li>{@code <Cloud>Generator} — this flow;</li>
 *   <li>{@code StackBuilder} — puts the IaC document together, in a fixed order, and returns a {@code StackBuilder.Stack};</li>
 *   <li>{@code StackLimits} — the cloud's documented limits on that stack: an error past one, a warning near one;</li>
 *   <li>{@code DataResources} — tables, buckets, queues and topics;</li>
 *   <li>{@code ResourceRefs} — how the document points at those resources ({@code ${ref:}} values, ids, names);</li>
 *   <li>{@code EntryModules} — the portable-handler adapter's entry modules in the function packages.</li>
 * </ul>
 * Warnings go one way: every part warns into the {@link Warnings} it is given, which is the
 * output tree's.
 *
 * @param <S> the built stack: the document and what writing it needs
 */
public abstract class StackGenerator<S> implements Generator {

    @Override
    public final void generate(GenerationContext context, OutputTree out) throws GenerationException {
        S stack = build(context, out);
        checkLimits(stack, out);
        write(stack, context, out);
    }

    /** The stack in memory; nothing is written yet. */
    protected abstract S build(GenerationContext context, Warnings warnings) throws GenerationException;

    /** Refuses a stack the cloud would refuse, warns about one close to a limit. */
    protected abstract void checkLimits(S stack, Warnings warnings) throws GenerationException;

    /** Adds the stack's files to {@code out}; warnings are all in by now. */
    protected abstract void write(S stack, GenerationContext context, OutputTree out) throws GenerationException;
}
