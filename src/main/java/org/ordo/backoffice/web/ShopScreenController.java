package org.ordo.backoffice.web;

import java.io.IOException;
import java.time.Duration;

import org.ordo.billing.ShopProfile;
import org.ordo.platform.BodySizeLimit;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shop's name and logo, set by an admin (under the admin screen), and the logo itself for every page (open, as
 * it is on every document the shop sends anyway).
 */
@Controller
class ShopScreenController {

    /**
     * The upload's body may be this large, so that a logo of a few megabytes (a photo, an export at print size) reaches
     * the form and is refused there, naming the 512 KB limit; at the default body limit of 1 MiB the browser got a bare
     * 413 (or, mid-upload, a closed connection) instead. Larger still is a 413 before anything is read.
     */
    static final long LOGO_UPLOAD_BYTES = 8L * 1024 * 1024;

    private final ShopProfile shop;

    ShopScreenController(ShopProfile shop) {
        this.shop = shop;
    }

    @Bean
    static BodySizeLimit shopLogoSizeLimit() {
        return new BodySizeLimit("POST", "/admin/shop/logo", LOGO_UPLOAD_BYTES);
    }

    @GetMapping("/admin/shop")
    String page(Model model) {
        model.addAttribute("shop", shop.current());
        model.addAttribute("maxName", ShopProfile.MAX_NAME);
        return "backoffice/admin/shop";
    }

    @PostMapping("/admin/shop/name")
    String rename(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            shop.rename(name, "user:" + Layout.current().username());
            Flash.success(redirect, "shop.renamed");
        } catch (InvalidInputException e) {
            Flash.error(redirect, "flash.invalid", Refusals.of(e.errors().get(0)));
        }
        return "redirect:/admin/shop";
    }

    /** The upload is read only up to the limit: a larger file is refused without holding it in memory. */
    @PostMapping("/admin/shop/logo")
    String logo(@RequestParam(name = "logo", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file != null && file.getSize() > org.ordo.billing.internal.LogoImages.MAX_BYTES) {
                throw new InvalidInputException("logo", Wording.of("backoffice.must_be_at_most_kb",
                        org.ordo.billing.internal.LogoImages.MAX_BYTES / 1024));
            }
            shop.changeLogo(file == null ? null : file.getBytes(), "user:" + Layout.current().username());
            Flash.success(redirect, "shop.logoChanged");
        } catch (InvalidInputException e) {
            Flash.error(redirect, "flash.invalid", Refusals.of(e.errors().get(0)));
        }
        return "redirect:/admin/shop";
    }

    @PostMapping("/admin/shop/logo/remove")
    String removeLogo(RedirectAttributes redirect) {
        shop.removeLogo("user:" + Layout.current().username());
        Flash.success(redirect, "shop.logoRemoved");
        return "redirect:/admin/shop";
    }

    /** The logo as Ordo re-drew it (always a PNG), or 404 when none is set; pages ask again after a minute. */
    @GetMapping("/shop/logo.png")
    ResponseEntity<byte[]> image() {
        return shop.logo().map(png -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)))
                .header("X-Content-Type-Options", "nosniff").body(png))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
