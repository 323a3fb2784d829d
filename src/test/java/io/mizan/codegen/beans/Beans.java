package io.mizan.codegen.beans;

import io.mizan.Client;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;

import java.io.Serializable;

/** Classes with functions, each made a bean (or not) by its annotations, as CDI discovers them. */
public final class Beans {

    private Beans() {}

    @ApplicationScoped
    public static class Application {
        @Client
        public void a() {}
    }

    @RequestScoped
    public static class Request {
        @Client
        public void r() {}
    }

    @SessionScoped
    public static class Session implements Serializable {
        @Client
        public void s() {}
    }

    @Dependent
    public static class DependentBean {
        @Client
        public void d() {}
    }

    @Stateless
    public static class Ejb {
        @Client
        public void e() {}
    }

    @Service
    public static class Stereotyped {
        @Client
        public void st() {}
    }

    /** A scope is inherited: the subclass of a bean class is a bean too. */
    public static class Inherited extends Application {}

    /** @Named alone defines no bean. */
    @Named
    public static class NamedOnly {
        @Client
        public void n() {}
    }

    public static class Plain {
        @Client
        public void p() {}
    }
}
