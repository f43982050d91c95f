package org.ordo.platform;

import java.lang.reflect.Method;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListenerFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Makes the listeners marked {@link ListensWhen}: each asks its condition, a plain method call, when an event it
 * listens to is published; the event publication registry stores a publication for it only when the condition
 * holds (it asks every {@link ConditionalEventListener} so), and only then is the listener called after the
 * commit. Comes before Spring's and Spring Modulith's own factories (order 50 and 25), which make every other
 * transactional listener as before.
 */
@Component
class ConditionalListeners extends TransactionalEventListenerFactory implements Ordered {

    @Override
    public boolean supportsMethod(Method method) {
        return super.supportsMethod(method) && method.isAnnotationPresent(ListensWhen.class);
    }

    @Override
    public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
        String name = method.getAnnotation(ListensWhen.class).value();
        Class<?>[] event = method.getParameterTypes();
        Method condition = event.length == 1 ? ReflectionUtils.findMethod(type, name, event[0]) : null;
        if (condition == null || (condition.getReturnType() != boolean.class
                && condition.getReturnType() != Boolean.class)) {
            throw new IllegalStateException("@ListensWhen(\"" + name + "\") on " + method + ": " + type.getName()
                    + " has no method " + name + "(" + (event.length == 1 ? event[0].getName() : "") + ") returning a"
                    + " boolean");
        }
        ReflectionUtils.makeAccessible(condition);
        return new Listener(beanName, type, method, condition);
    }

    @Override
    public int getOrder() {
        return 20;
    }

    /** A transactional listener whose condition is a method of its bean, asked once per event as it is published. */
    static final class Listener extends TransactionalApplicationListenerMethodAdapter
            implements ConditionalEventListener {

        private final Method condition;
        private volatile Object target;

        Listener(String beanName, Class<?> type, Method method, Method condition) {
            super(beanName, type, method);
            this.condition = condition;
        }

        @Override
        public boolean supports(Object event) {
            return Boolean.TRUE.equals(ReflectionUtils.invokeMethod(condition, target(), event));
        }

        /** The bean itself, behind its proxies: its condition is a plain method, with no advice to run. */
        private Object target() {
            Object t = target;
            if (t == null) {
                Object bean = getTargetBean();
                Object unwrapped = AopProxyUtils.getSingletonTarget(bean);
                t = unwrapped != null ? unwrapped : bean;
                target = t;
            }
            return t;
        }
    }
}
