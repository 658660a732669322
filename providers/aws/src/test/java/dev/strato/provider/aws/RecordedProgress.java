package dev.strato.provider.aws;

import dev.strato.provider.ProgressListener;
import dev.strato.provider.StackEvent;
import java.util.ArrayList;
import java.util.List;

/** A progress listener that keeps what a command reported, in order: its steps and its stack events. */
final class RecordedProgress implements ProgressListener {

    final List<String> steps = new ArrayList<>();
    final List<StackEvent> events = new ArrayList<>();

    @Override
    public void step(String message) {
        steps.add(message);
    }

    @Override
    public void event(StackEvent event) {
        events.add(event);
    }
}
