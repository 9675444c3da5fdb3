import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Event latency on the local stack (run by event-latency.sh): (1) raw, a record produced with acks=all and
 * consumed on the same broker; (2) CertCare, a customer registered through customer-service's API until its
 * CustomerRegistered event reaches a consumer of the {@code customers} topic — from the HTTP answer (the commit
 * happened just before it: a lower bound) and from the event's own {@code time}, written inside the
 * transaction before the commit (an upper bound). One at a time, with a pause, as people register customers.
 */
public class EventLatency {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String service = args[1];
        String token = args[2];
        int n = Integer.parseInt(args[3]);
        long pauseMs = Long.parseLong(args[4]);

        List<Double> raw = raw(bootstrap, n, pauseMs);
        List<Double>[] app = app(bootstrap, service, token, n, pauseMs);
        System.out.println("| path | n | p50 | p95 | max |");
        System.out.println("|---|---|---|---|---|");
        row("raw Kafka: produce (acks=all) → consume, same broker", raw);
        row("CertCare: HTTP answer (after commit) → consumer has CustomerRegistered", app[0]);
        row("CertCare: event time (before commit) → consumer has CustomerRegistered", app[1]);
    }

    static List<Double> raw(String bootstrap, int n, long pauseMs) throws Exception {
        String topic = "bench-latency";
        Properties admin = new Properties();
        admin.put("bootstrap.servers", bootstrap);
        try (Admin a = Admin.create(admin)) {
            if (!a.listTopics().names().get().contains(topic)) {
                a.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            }
        }
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(n);
        Thread reader = consumer(bootstrap, topic, r -> {
            Long t0 = sent.get(r.key());
            if (t0 != null) {
                latencies.add((System.nanoTime() - t0) / 1e6);
                done.countDown();
            }
        });
        Thread.sleep(1500); // the consumer is assigned and at the end of the topic
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < n; i++) {
                String key = UUID.randomUUID().toString();
                sent.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, key, "{\"n\":" + i + "}")).get();
                Thread.sleep(pauseMs);
            }
        }
        done.await(30, TimeUnit.SECONDS);
        reader.interrupt();
        return latencies;
    }

    @SuppressWarnings("unchecked")
    static List<Double>[] app(String bootstrap, String service, String token, int n, long pauseMs) throws Exception {
        Map<String, Long> answered = new ConcurrentHashMap<>();
        Map<String, Instant> received = new ConcurrentHashMap<>();
        Map<String, Long> receivedNanos = new ConcurrentHashMap<>();
        Map<String, Instant> eventTime = new ConcurrentHashMap<>();
        Pattern subject = Pattern.compile("\"subject\"\\s*:\\s*\"([^\"]+)\"");
        Pattern time = Pattern.compile("\"time\"\\s*:\\s*\"([^\"]+)\"");
        Thread reader = consumer(bootstrap, "customers", r -> {
            long now = System.nanoTime();
            Instant wall = Instant.now();
            if (!r.value().contains("\"CustomerRegistered\"")) {
                return;
            }
            Matcher s = subject.matcher(r.value());
            Matcher t = time.matcher(r.value());
            if (s.find() && t.find()) {
                receivedNanos.put(s.group(1), now);
                received.put(s.group(1), wall);
                eventTime.put(s.group(1), Instant.parse(t.group(1)));
            }
        });
        Thread.sleep(1500);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Pattern id = Pattern.compile("\"id\"\\s*:\\s*\"?([0-9a-f-]+)\"?");
        long base = System.currentTimeMillis() % 100_000_000L * 10;
        for (int i = 0; i < n; i++) {
            String body = "{\"name\":\"延迟基准企业" + base + i + "有限公司\",\"creditCode\":\"" + creditCode(base + i)
                    + "\",\"provinceCode\":\"330000\",\"city\":\"杭州市\",\"remarks\":\"bench-latency\"}";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/api/customers"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            Matcher m = id.matcher(response.body());
            if (response.statusCode() != 201 || !m.find()) {
                throw new IllegalStateException("registration answered " + response.statusCode() + ": " + response.body());
            }
            answered.put(m.group(1), now);
            Thread.sleep(pauseMs);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.keySet().containsAll(answered.keySet()) == false && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        reader.interrupt();
        List<Double> fromAnswer = new ArrayList<>();
        List<Double> fromEventTime = new ArrayList<>();
        for (Map.Entry<String, Long> e : answered.entrySet()) {
            Long got = receivedNanos.get(e.getKey());
            if (got == null) {
                System.err.println("no event for " + e.getKey() + " within 30 s");
                continue;
            }
            fromAnswer.add(Math.max(0, (got - e.getValue()) / 1e6));
            fromEventTime.add(Duration.between(eventTime.get(e.getKey()), received.get(e.getKey())).toNanos() / 1e6);
        }
        return new List[] { fromAnswer, fromEventTime };
    }

    static Thread consumer(String bootstrap, String topic, java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        Thread t = new Thread(() -> {
            Properties c = new Properties();
            c.put("bootstrap.servers", bootstrap);
            c.put("group.id", "bench-" + UUID.randomUUID());
            c.put("enable.auto.commit", "false");
            c.put("fetch.max.wait.ms", "10");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                consumer.assign(parts);
                consumer.seekToEnd(parts);
                parts.forEach(consumer::position);
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(50)).forEach(each);
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                // done
            }
        }, "bench-consumer-" + topic);
        t.setDaemon(true);
        t.start();
        return t;
    }

    static String creditCode(long i) {
        String digits = String.format("%09d", i % 1_000_000_000L);
        StringBuilder body = new StringBuilder("91330100");
        for (char d : digits.toCharArray()) {
            body.append(CHARSET.charAt((d - '0') % 31));
        }
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += CHARSET.indexOf(body.charAt(k)) * WEIGHTS[k];
        }
        return body.append(CHARSET.charAt((31 - sum % 31) % 31)).toString();
    }

    static void row(String label, List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        if (v.isEmpty()) {
            System.out.printf("| %s | 0 | - | - | - |%n", label);
            return;
        }
        System.out.printf("| %s | %d | %.0f ms | %.0f ms | %.0f ms |%n", label, v.size(), pct(v, 50), pct(v, 95),
                v.get(v.size() - 1));
    }

    static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
