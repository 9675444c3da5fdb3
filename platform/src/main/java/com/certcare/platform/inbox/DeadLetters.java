package com.certcare.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The dead-letter topics of this service's consumers, for an administrator: what is on them and why, and
 * one message sent back to the topic it came from (after the cause was mended). Which topics these are is
 * read from the channels' configuration ({@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}).
 * A replayed message is the original (key, value) with a {@code certcare-replayed-from} header; consumers
 * are idempotent, so replaying what was applied meanwhile changes nothing.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final String PREFIX = "mp.messaging.incoming.";
    private static final String SUFFIX = ".dead-letter-queue.topic";
    static final String REPLAYED_FROM = "certcare-replayed-from";
    /** How much of a message's value a listing shows. */
    static final int VALUE_PREVIEW = 4096;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final Config config;

    DeadLetters(Config config) {
        this.config = config;
    }

    /** A dead-letter topic and the topic its messages came from. */
    public record Topic(String channel, String topic, String sourceTopic) {
    }

    /** One dead message, with the reason SmallRye recorded in its headers. */
    public record Letter(String topic, int partition, long offset, Instant timestamp, String key, String reason,
            String cause, String sourceTopic, Integer sourcePartition, Long sourceOffset, String replayedFrom,
            String value, boolean valueTruncated) {
    }

    /** Where a replayed message went. */
    public record Replayed(String topic, int partition, long offset) {
    }

    public List<Topic> topics() {
        List<Topic> topics = new ArrayList<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                String channel = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
                String topic = config.getValue(name, String.class);
                String source = config.getOptionalValue(PREFIX + channel + ".topic", String.class).orElse(channel);
                topics.add(new Topic(channel, topic, source));
            }
        }
        topics.sort(Comparator.comparing(Topic::topic));
        return topics;
    }

    public Optional<Topic> topic(String name) {
        return topics().stream().filter(t -> t.topic().equals(name)).findFirst();
    }

    /** The newest {@code limit} messages of each partition of {@code topic}, oldest first. */
    public List<Letter> list(Topic topic, int limit) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.topic(), READ_TIMEOUT).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, READ_TIMEOUT);
            Map<TopicPartition, Long> remaining = new LinkedHashMap<>();
            for (TopicPartition tp : partitions) {
                long from = Math.max(starts.get(tp), ends.get(tp) - limit);
                consumer.seek(tp, from);
                if (ends.get(tp) > from) {
                    remaining.put(tp, ends.get(tp));
                }
            }
            List<Letter> letters = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    Long end = remaining.get(tp);
                    if (end == null || r.offset() >= end) {
                        continue;
                    }
                    letters.add(letter(r));
                    if (r.offset() + 1 >= end) {
                        remaining.remove(tp);
                    }
                }
            }
            letters.sort(Comparator.comparing(Letter::partition).thenComparing(Letter::offset));
            return letters;
        }
    }

    /**
     * Sends the message at {@code partition}/{@code offset} of the dead-letter topic back to its source
     * topic; empty when there is no such message.
     */
    public Optional<Replayed> replay(Topic topic, int partition, long offset, String who) {
        ConsumerRecord<String, String> dead = read(topic, partition, offset).orElse(null);
        if (dead == null) {
            return Optional.empty();
        }
        String target = Optional.ofNullable(header(dead, "dead-letter-topic")).orElse(topic.sourceTopic());
        String from = topic.topic() + "/" + partition + "/" + offset;
        ProducerRecord<String, String> again = new ProducerRecord<>(target, dead.key(), dead.value());
        again.headers().add(REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = producer()) {
            RecordMetadata sent = producer.send(again).get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("Dead letter %s replayed to %s/%d/%d by %s", from, sent.topic(), sent.partition(),
                    sent.offset(), who);
            return Optional.of(new Replayed(sent.topic(), sent.partition(), sent.offset()));
        } catch (Exception e) {
            throw new IllegalStateException("the broker did not take the replayed message: " + e.getMessage(), e);
        }
    }

    private Optional<ConsumerRecord<String, String>> read(Topic topic, int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic.topic(), partition);
            boolean exists = consumer.partitionsFor(topic.topic(), READ_TIMEOUT).stream()
                    .anyMatch(p -> p.partition() == partition);
            if (!exists) {
                return Optional.empty();
            }
            consumer.assign(List.of(tp));
            long end = consumer.endOffsets(List.of(tp), READ_TIMEOUT).get(tp);
            long start = consumer.beginningOffsets(List.of(tp), READ_TIMEOUT).get(tp);
            if (offset < start || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() == offset) {
                        return Optional.of(r);
                    }
                    if (r.offset() > offset) {
                        return Optional.empty(); // compacted or a transaction marker
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static Letter letter(ConsumerRecord<String, String> r) {
        String value = r.value() == null ? null : r.value();
        boolean truncated = value != null && value.length() > VALUE_PREVIEW;
        return new Letter(r.topic(), r.partition(), r.offset(), Instant.ofEpochMilli(r.timestamp()), r.key(),
                header(r, "dead-letter-reason"), header(r, "dead-letter-cause"), header(r, "dead-letter-topic"),
                integer(header(r, "dead-letter-partition")), number(header(r, "dead-letter-offset")),
                header(r, REPLAYED_FROM), truncated ? value.substring(0, VALUE_PREVIEW) : value, truncated);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String bootstrapServers() {
        return config.getValue("kafka.bootstrap.servers", String.class);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letters-" + UUID.randomUUID()); // never commits
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"); // looking creates nothing
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis());
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) READ_TIMEOUT.toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) READ_TIMEOUT.toMillis() - 1000);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
