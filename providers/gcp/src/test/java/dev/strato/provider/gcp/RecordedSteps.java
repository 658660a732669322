package dev.strato.provider.gcp;

import dev.strato.provider.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/** A progress listener that keeps the steps a command reported, in order. */
final class RecordedSteps implements ProgressListener {

    final List<String> steps = new ArrayList<>();

    @Override
    public void step(String message) {
        steps.add(message);
    }
}
