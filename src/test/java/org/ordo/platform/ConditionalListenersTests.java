package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.transaction.event.TransactionalApplicationListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A listener marked {@link ListensWhen} is made by {@link ConditionalListeners}: the event publication registry asks
 * its condition, a method of its bean, for each event, and a name that finds no such method stops the start.
 */
class ConditionalListenersTests {

    record Placed(int lines) {
    }

    static class Watch {
        final List<Integer> asked = new ArrayList<>();

        @TransactionalEventListener
        @ListensWhen("large")
        void on(Placed placed) {
        }

        boolean large(Placed placed) {
            asked.add(placed.lines());
            return placed.lines() > 2;
        }

        @TransactionalEventListener
        void always(Placed placed) {
        }
    }

    static class Misnamed {
        @TransactionalEventListener
        @ListensWhen("nowhere")
        void on(Placed placed) {
        }
    }

    @Test
    void theConditionIsAMethodOfTheBeanAskedOncePerEventBehindItsProxy() throws Exception {
        ConditionalListeners factory = new ConditionalListeners();
        Watch watch = new Watch();
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            // a proxy as Spring makes for a listener that runs asynchronously and in a transaction of its own
            context.registerBean("watch", Watch.class, () -> (Watch) proxy(watch));
            context.refresh();
            ApplicationListener<?> listener = factory.createApplicationListener("watch", Watch.class,
                    Watch.class.getDeclaredMethod("on", Placed.class));
            org.springframework.test.util.ReflectionTestUtils.invokeMethod(listener, "init", context, null);

            assertThat(listener).isInstanceOf(TransactionalApplicationListener.class)
                    .isInstanceOf(ConditionalEventListener.class);
            ConditionalEventListener conditional = (ConditionalEventListener) listener;
            assertThat(conditional.supports(new Placed(3))).isTrue();
            assertThat(conditional.supports(new Placed(1))).isFalse();
            assertThat(watch.asked).as("asked of the bean itself, once per event").containsExactly(3, 1);
            assertThat(((TransactionalApplicationListener<?>) listener).getListenerId())
                    .as("the listener keeps its id, which stored publications name")
                    .isEqualTo(Watch.class.getName() + ".on(" + Placed.class.getName() + ")");
        }
    }

    @Test
    void onlyListenersMarkedListensWhenAreMadeHereAndBeforeSpringsOwnFactories() throws Exception {
        ConditionalListeners factory = new ConditionalListeners();
        assertThat(factory.supportsMethod(Watch.class.getDeclaredMethod("on", Placed.class))).isTrue();
        assertThat(factory.supportsMethod(Watch.class.getDeclaredMethod("always", Placed.class))).isFalse();
        assertThat(factory.supportsMethod(Watch.class.getDeclaredMethod("large", Placed.class))).isFalse();
        // Spring Modulith's factory for externalized events has order 25, Spring's own 50
        assertThat(factory.getOrder()).isLessThan(25);
    }

    @Test
    void aConditionThatNamesNoMethodOfTheEventStopsTheStart() {
        assertThatThrownBy(() -> new ConditionalListeners().createApplicationListener("misnamed", Misnamed.class,
                Misnamed.class.getDeclaredMethod("on", Placed.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nowhere");
    }

    private static Object proxy(Object target) {
        ProxyFactory proxies = new ProxyFactory(target);
        proxies.setProxyTargetClass(true);
        proxies.addAdvice((org.aopalliance.intercept.MethodInterceptor) invocation -> {
            throw new AssertionError("the condition went through the proxy");
        });
        return proxies.getProxy();
    }
}
