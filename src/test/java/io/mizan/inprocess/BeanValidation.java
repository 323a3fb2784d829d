package io.mizan.inprocess;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * The {@link Validator} bean a server provides, from Hibernate Validator. One factory serves every
 * in-process deployment: building one costs more than a deployment, and it holds no state of theirs.
 */
@Singleton
public class BeanValidation {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    @Produces
    @Singleton
    Validator validator() {
        return FACTORY.getValidator();
    }

    @Produces
    @Singleton
    ValidatorFactory factory() {
        return FACTORY;
    }
}
