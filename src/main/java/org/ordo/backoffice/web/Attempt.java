package org.ordo.backoffice.web;

import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Runs an action of a form and tells the person how it went on the next page: the success message, or why it was
 * refused (the services' own wording, in the reader's language: which field is wrong, which state forbids it). A refused action changed
 * nothing, as the services guarantee.
 */
final class Attempt {

    private Attempt() {
    }

    static boolean run(RedirectAttributes redirect, Runnable action, String successKey, Object... args) {
        try {
            action.run();
            Flash.success(redirect, successKey, args);
            return true;
        } catch (InvalidInputException e) {
            Flash.error(redirect, "flash.invalid", Refusals.of(e));
        } catch (ConflictException | NotFoundException | org.ordo.platform.PreconditionException e) {
            Flash.error(redirect, "flash.refused", Refusals.of(e));
        }
        return false;
    }
}
