package dev.aigw.engines;

import java.util.List;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Idempotent topic creation, for a stack that is started again on the same data. */
public final class KafkaTopics {
    private KafkaTopics() {
    }

    /** Creates each topic unless it already exists; any other failure names the topic. */
    public static void createIfAbsent(Admin admin, List<NewTopic> topics) {
        admin.createTopics(topics).values().forEach((name, created) -> {
            try {
                created.get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topic " + name, e);
            }
        });
    }
}
