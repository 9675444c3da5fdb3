package com.certcare.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Kafka broker (KRaft, one combined node) inside the test JVM, from Apache Kafka's own test kit.
 * Topics named in the {@code topics} init argument (comma-separated) are created before the app starts.
 * Register it once per module with {@code @QuarkusTestResource(value = KafkaResource.class,
 * initArgs = @ResourceArg(name = "topics", value = "customers,contracts"))}.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String bootstrapServers;
    private static volatile KafkaClusterTestKit running;

    private KafkaClusterTestKit cluster;
    private List<String> topics = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        String names = initArgs.getOrDefault("topics", "");
        topics = Arrays.stream(names.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public Map<String, String> start() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    // the kit's default is an unstable testing version with unstable features on
                    .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                    .build();
            cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("num.partitions", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            bootstrapServers = cluster.bootstrapServers();
            running = cluster;
            createTopics();
        } catch (Exception e) {
            throw new IllegalStateException("Kafka for tests could not start: " + e.getMessage(), e);
        }
        return Map.of("kafka.bootstrap.servers", bootstrapServers);
    }

    private void createTopics() throws Exception {
        if (topics.isEmpty()) {
            return;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, 1, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The running broker's address, for the plain clients of {@link KafkaTopics}. */
    public static String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Stops the broker (the controller stays up), as an outage would; {@link #startBroker()} brings it back
     * on the same port, with its data.
     */
    public static void stopBroker() {
        running.brokers().values().forEach(broker -> broker.shutdown());
    }

    /** Starts the broker {@link #stopBroker()} stopped and waits until it is ready. */
    public static void startBroker() {
        running.brokers().values().forEach(broker -> broker.startup());
        try {
            running.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("the test broker did not come back: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                System.err.println("KafkaResource: close failed: " + e.getMessage());
            }
        }
    }
}
