package dev.strato.provider;

import java.util.List;

/** One command's conversation with a cloud about one service and stage. */
public interface ProviderSession extends AutoCloseable {

    /** Generates, uploads what is missing and applies the change set (unless {@code execute} is false). */
    DeployResult deploy(boolean execute, ProgressListener progress);

    /**
     * As {@link #deploy(boolean, ProgressListener)}; unless {@code allowDataChanges}, a change set
     * that deletes or replaces a table, bucket or queue is not executed ({@link DataChangesRefused}).
     * Clouds that cannot tell deploy as before.
     */
    default DeployResult deploy(boolean execute, boolean allowDataChanges, ProgressListener progress) {
        return deploy(execute, progress);
    }

    /** The changes a deploy would make; the change set is deleted afterwards. */
    List<ResourceChange> diff(ProgressListener progress);

    StackInfo info();

    InvokeResult invoke(InvokeRequest request);

    /** Reads log events into {@code sink}; with {@code query.follow()} keeps polling until the sink says stop. */
    void logs(LogQuery query, LogSink sink);

    RemoveResult remove(boolean includeData, ProgressListener progress);

    @Override
    void close();
}
