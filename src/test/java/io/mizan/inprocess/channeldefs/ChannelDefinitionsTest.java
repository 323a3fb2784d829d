package io.mizan.inprocess.channeldefs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mizan.inprocess.InProcess;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Every mistake in a channel handler fails the deployment with its id, class and fix. */
class ChannelDefinitionsTest {

    @Test
    void aSoundChannelDeploys() {
        try (InProcess.Deployment deployment = InProcess.start(Broken.Fine.class)) {
            assertTrue(deployment.extension().model().channel("fine").isPresent());
        }
    }

    @Test
    void mizan036AChannelThatIsNoHandler() {
        InProcess.assertRefused("MIZAN-036", Broken.NotAHandler.class.getName(), Broken.NotAHandler.class);
    }

    @Test
    void mizan037ANameThatIsNoIdentifier() {
        InProcess.assertRefused("MIZAN-037", Broken.BadName.class.getName(), Broken.BadName.class);
    }

    @Test
    void mizan038TwoChannelsOfOneName() {
        InProcess.assertRefused("MIZAN-038", Broken.Second.class.getName(), Broken.First.class, Broken.Second.class);
    }

    @Test
    void mizan039TypesLeftOpen() {
        InProcess.assertRefused("MIZAN-039", Broken.OpenTypes.class.getName(), Broken.OpenTypes.class);
    }

    @Test
    void mizan040ParametersThatAreNoRecord() {
        InProcess.assertRefused("MIZAN-040", Broken.ListParams.class.getName(), Broken.ListParams.class);
    }

    @Test
    void mizan041AMessageThatCannotBeJson() {
        InProcess.assertRefused("MIZAN-041", Broken.OpaqueMessage.class.getName(), Broken.OpaqueMessage.class);
    }

    @Test
    void mizan042AChannelPathThatIsNotAbsolute() {
        InProcess.assertRefused(
                "MIZAN-042", "mizan.channels.path", Map.of("mizan.channels.path", "ws"), Broken.Fine.class);
    }
}
