package org.ordo.backoffice.web;

import java.util.UUID;

import org.ordo.backoffice.internal.SavedViews;
import org.ordo.backoffice.internal.SavedViews.SavedView;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved views of the order queue: save the queue's filter under a name (for oneself, or shared with everyone by an
 * admin), rename and delete; the queue and the sidebar list them with how many orders each holds now.
 */
@Controller
@RequestMapping("/orders/views")
class SavedViewsController {

    private final SavedViews views;
    private final CountedViews counted;

    SavedViewsController(SavedViews views, CountedViews counted) {
        this.views = views;
        this.counted = counted;
    }

    /** The sidebar's list, loaded after the page and every half minute (htmx). */
    @GetMapping("/sidebar")
    String sidebar(Model model) {
        model.addAttribute("savedViews", counted.of(Layout.current()));
        return "backoffice/orders/views :: sidebar";
    }

    /** Saves the filter the queue shows now (its query string) under a name; only an admin shares. */
    @PostMapping
    String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String filter,
            @RequestParam(defaultValue = "false") boolean shared, RedirectAttributes redirect) {
        Layout.Me me = Layout.current();
        // Only what the queue understands is kept, written as the queue writes it.
        String query = OrdersController.Filter.parse(filter.startsWith("?") ? filter.substring(1) : filter)
                .query(false);
        String back = "redirect:/orders" + query;
        if (shared && me.role() != Role.ADMIN) {
            Flash.error(redirect, "views.sharedByAdmin");
            return back;
        }
        try {
            SavedView saved = views.save(shared ? null : me.username(), name,
                    query.startsWith("?") ? query.substring(1) : query, "user:" + me.username());
            Flash.success(redirect, "views.saved", saved.name());
        } catch (InvalidInputException e) {
            Flash.error(redirect, "flash.invalid", Refusals.of(e.errors().get(0)));
        } catch (ConflictException e) {
            Flash.error(redirect, "views.nameTaken", name.strip());
        }
        return back;
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable String id, @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        Layout.Me me = Layout.current();
        try {
            views.rename(uuid(id), name, me.username(), me.role() == Role.ADMIN);
            Flash.success(redirect, "views.renamed", name.strip());
        } catch (InvalidInputException e) {
            Flash.error(redirect, "flash.invalid", Refusals.of(e.errors().get(0)));
        } catch (ConflictException e) {
            Flash.error(redirect, "views.nameTaken", name.strip());
        } catch (NotFoundException e) {
            Flash.error(redirect, "views.notFound");
        }
        return "redirect:/orders";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        Layout.Me me = Layout.current();
        try {
            views.delete(uuid(id), me.username(), me.role() == Role.ADMIN);
            Flash.success(redirect, "views.deleted");
        } catch (NotFoundException e) {
            Flash.error(redirect, "views.notFound");
        }
        return "redirect:/orders";
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Saved view", id);
        }
    }
}
