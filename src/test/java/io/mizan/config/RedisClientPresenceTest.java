package io.mizan.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.messages.Messages;
import org.junit.jupiter.api.Test;

/**
 * MIZAN-044: a Redis URI with no Redis client in the WAR. Whether Lettuce is there is asked of the
 * application's class loader; one that cannot see it (a WAR without the dependency) is told apart.
 */
class RedisClientPresenceTest {

    @Test
    void lettuceIsFoundWhereItIsAndMissedWhereItIsNot() {
        assertTrue(RedisSettings.clientPresent(RedisClientPresenceTest.class.getClassLoader()));
        ClassLoader withoutLettuce = new ClassLoader(null) {}; // the JDK's classes alone
        assertFalse(RedisSettings.clientPresent(withoutLettuce));
    }

    @Test
    void theProblemNamesTheSettingAndTheFix() {
        String problem = Messages.redisClientMissing();
        assertTrue(problem.startsWith("MIZAN-044 mizan.channels.redis.uri: "), problem);
        assertTrue(problem.contains("lettuce-core"), problem);
    }
}
