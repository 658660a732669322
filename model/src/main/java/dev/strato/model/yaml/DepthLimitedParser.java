package dev.strato.model.yaml;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/** Stops deeply nested input before the recursive composer can overflow the stack. */
final class DepthLimitedParser implements Parser {

    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Mark mark;

        TooDeep(Mark mark) {
            super(null, null, false, false);
            this.mark = mark;
        }

        Mark mark() {
            return mark;
        }
    }

    private final Parser delegate;
    private final int maxDepth;
    private int depth;

    DepthLimitedParser(Parser delegate, int maxDepth) {
        this.delegate = delegate;
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return delegate.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return delegate.hasNext();
    }

    @Override
    public Event next() {
        Event e = delegate.next();
        switch (e.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > maxDepth) throw new TooDeep(e.getStartMark().orElse(null));
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {}
        }
        return e;
    }
}
