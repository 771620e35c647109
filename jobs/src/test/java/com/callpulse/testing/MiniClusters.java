package com.callpulse.testing;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** One shared MiniCluster per test class, at the parallelism the tests run with (2, like this machine's cores). */
public final class MiniClusters {
    public static final int PARALLELISM = 2;

    private MiniClusters() {}

    public static MiniClusterExtension withParallelism2() {
        Configuration conf = new Configuration();
        // with checkpointing on, Flink's default is to restart forever; a test must fail instead (stack-notes §2.4)
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(conf)
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(PARALLELISM)
                .build());
    }
}
