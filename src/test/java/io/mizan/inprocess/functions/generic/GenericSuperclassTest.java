package io.mizan.inprocess.functions.generic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mizan.MizanException;
import io.mizan.inprocess.InProcess;
import io.mizan.invoke.Entry;
import io.mizan.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.Set;

/** A function inherited from a generic class is the bean class's, with its types, through the container. */
class GenericSuperclassTest {

    @Test
    void theInheritedFunctionTakesAndGivesTheBeanClasssType() throws Exception {
        try (InProcess.Deployment deployment = InProcess.startWithMethodValidation(Books.class)) {
            assertEquals(
                    Set.of("add"), deployment.extension().model().functions().keySet());
            assertEquals(
                    "[{\"title\":\"Emma\",\"year\":1815},{\"title\":\"Persuasion\",\"year\":1817}]",
                    deployment
                            .call(
                                    "add",
                                    Caller.ANONYMOUS,
                                    Entry.CLIENT,
                                    "{\"entry\":{\"title\":\"Emma\",\"year\":1815},"
                                            + "\"alsoAdd\":{\"title\":\"Persuasion\",\"year\":1817}}")
                            .json());
            MizanException blank = assertThrows(
                    MizanException.class,
                    () -> deployment.call(
                            "add", Caller.ANONYMOUS, Entry.CLIENT, "{\"entry\":{\"title\":\" \",\"year\":1}}"));
            assertEquals(422, blank.status());
            assertEquals("entry.title", blank.fieldErrors().get(0).path());
        }
    }
}
