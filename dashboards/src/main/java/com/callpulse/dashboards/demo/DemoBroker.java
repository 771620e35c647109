package com.callpulse.dashboards.demo;

import com.callpulse.dashboards.config.DashboardsConfig;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The demo's Kafka: a real single-node KRaft broker from Kafka's own artifacts, in this process, so that
 * {@code ./callpulse demo} needs no server installed. It creates the five stream topics (kafka.topics) and writes its
 * bootstrap address to a file once it is ready; it runs until the process is stopped. For demos only: in production
 * the job and the dashboards point at the center's Kafka.
 */
public final class DemoBroker {
    private DemoBroker() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--bootstrap-file")) {
            System.err.println("usage: DemoBroker --bootstrap-file FILE");
            System.exit(2);
        }
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // one broker: internal topics must not ask for three replicas
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception ignored) {
                // going down anyway
            }
        }, "broker-shutdown"));
        List<NewTopic> topics = new ArrayList<>();
        for (JsonNode name : DashboardsConfig.tree(null).path("kafka").path("topics")) {
            topics.add(new NewTopic(name.asText(), 2, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            admin.createTopics(topics).all().get();
        }
        Path file = Path.of(args[1]);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, cluster.bootstrapServers());
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("demo broker ready at " + cluster.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
