package dev.strato.generator.gcp;

import dev.strato.generator.GenerationException;
import dev.strato.model.Durations;
import dev.strato.model.Event;
import dev.strato.model.UnixCron;

/** Cloud Scheduler takes unix-cron only: a rate becomes the cron with exactly its period, when there is one. */
final class ScheduleCron {

    private ScheduleCron() {}

    static String of(Event.Schedule s) throws GenerationException {
        if (s.cron() != null) return s.cron();
        return UnixCron.ofRate(s.rate()).orElseThrow(() -> new GenerationException("schedule rate " + Durations.format(s.rate())
                + " has no unix-cron form with exactly that period, which Cloud Scheduler needs: write a cron, or a rate that divides an hour or a day evenly"));
    }
}
