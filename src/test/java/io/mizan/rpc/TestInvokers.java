package io.mizan.rpc;

import io.mizan.invoke.BeanTargets;
import io.mizan.invoke.Invoker;
import io.mizan.invoke.LocalizedValidators;
import io.mizan.json.ResultEncoder;
import io.mizan.model.Model;
import io.mizan.security.AccessPolicy;
import io.mizan.telemetry.Telemetry;
import jakarta.validation.ValidatorFactory;

/** An invoker without a container, for the endpoints' tests: every call is allowed and runs on one bean. */
final class TestInvokers {

    private TestInvokers() {}

    static Invoker on(
            Model model, Object bean, ResultEncoder encoder, ValidatorFactory validation, Telemetry telemetry) {
        return new Invoker(
                model,
                new AccessPolicy((type, function, caller) -> true),
                new LocalizedValidators(validation),
                beanClass -> new BeanTargets.Target() {
                    @Override
                    public Object instance() {
                        return bean;
                    }

                    @Override
                    public void close() {}
                },
                encoder,
                keys -> {},
                telemetry);
    }
}
