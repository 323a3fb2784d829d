package io.mizan.inprocess.forms.problems;

import io.mizan.Client;
import io.mizan.Form;
import io.mizan.inprocess.InProcess;
import jakarta.enterprise.context.ApplicationScoped;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** A broken form fails the deployment, one case per problem id. */
class FormProblemsTest {

    public record Note(String text) {}

    @ApplicationScoped
    public static class BadName {
        @Form(name = "contact-us")
        public void send(Note form) {}
    }

    @ApplicationScoped
    public static class NoRecord {
        @Form
        public void send(String text) {}
    }

    @ApplicationScoped
    public static class TwoRecords {
        @Form
        public void send(Note form, Note other) {}
    }

    @ApplicationScoped
    public static class Both {
        @Form
        @Client
        public void send(Note form) {}
    }

    @ApplicationScoped
    public static class First {
        @Form(name = "note")
        public void send(Note form) {}
    }

    @ApplicationScoped
    public static class Second {
        @Form(name = "note")
        public void post(Note form) {}
    }

    @ApplicationScoped
    @Client
    public static class ClassLevel {
        @Form(name = "note", auth = io.mizan.Auth.PUBLIC, roles = "staff")
        public void post(Note form) {}
    }

    private static final String HERE = FormProblemsTest.class.getName();

    @Test
    void aFormNameIsAnIdentifier() {
        InProcess.assertRefused("MIZAN-045", HERE + "$BadName.send", BadName.class);
    }

    @Test
    void aFormTakesOneRecord() {
        InProcess.assertRefused("MIZAN-046", HERE + "$NoRecord.send", NoRecord.class);
        InProcess.assertRefused("MIZAN-046", HERE + "$TwoRecords.send", TwoRecords.class);
    }

    @Test
    void aMethodIsAFormOrAClientFunctionNotBoth() {
        InProcess.assertRefused("MIZAN-047", HERE + "$Both.send", Both.class);
    }

    @Test
    void twoFormsCannotShareAName() {
        InProcess.assertRefused("MIZAN-048", HERE + "$Second.post", First.class, Second.class);
    }

    @Test
    void aPublicFormWithRolesIsRefusedAsAFunctionWouldBe() {
        InProcess.assertRefused("MIZAN-012", HERE + "$ClassLevel.post", Map.of(), ClassLevel.class);
    }
}
