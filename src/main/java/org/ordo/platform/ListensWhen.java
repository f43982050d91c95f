package org.ordo.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a listener that runs after the commit ({@code @ApplicationModuleListener}): the event is stored for it in the
 * event publication registry, and handed to it after the commit, only when the named method of the same class
 * answers true for the event. That method takes the listener's event and is called once per event, in the
 * publishing transaction, as the publication is stored; it is found once, when the listener is registered (a name
 * that finds none stops the start). A listener's SpEL {@code condition} would do the same at the cost of a new
 * evaluation context per event and listener, at publication and again after the commit: for the events of every
 * order (docs/benchmarks.md, P4). See {@link ConditionalListeners}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ListensWhen {

    /** The name of a method of the listener's class that takes the listener's event and returns a boolean. */
    String value();
}
