package dev.logtally.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps every push result it hears, in order. */
final class RecordingListener implements PushListener {
    private final List<Instant> successes = new ArrayList<>();
    private final List<PushFailure> failures = new ArrayList<>();

    @Override
    public synchronized void succeeded(Instant at) {
        successes.add(at);
    }

    @Override
    public synchronized void failed(PushFailure failure) {
        failures.add(failure);
    }

    synchronized List<Instant> successes() {
        return List.copyOf(successes);
    }

    synchronized List<PushFailure> failures() {
        return List.copyOf(failures);
    }

    synchronized List<String> failureMessages() {
        return failures.stream().map(PushFailure::message).toList();
    }
}
