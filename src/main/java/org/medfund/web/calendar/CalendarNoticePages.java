package org.medfund.web.calendar;

import org.medfund.web.MedfundUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.medfund.calendar.CalendarNotices;
import org.medfund.common.Rejection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /calendar/notices} (administrators only): where each covered year's holidays come from (a notice, or 暂定
 * from the 放假办法), the load history, and the form to load a year's State Council notice; after a load, the page
 * of that load lists the year's changed days and every open due date recomputed (old → new).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CalendarNoticePages {

    private final CalendarNotices notices;

    CalendarNoticePages(CalendarNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/calendar/notices")
    String list(Model model) {
        return page(model);
    }

    @PostMapping("/calendar/notices")
    String load(@AuthenticationPrincipal MedfundUser user,
                @RequestParam(name = "file", required = false) MultipartFile file,
                @RequestParam(name = "text", required = false) String text,
                @RequestParam(name = "requestId", required = false) String requestId, Model model)
            throws IOException {
        boolean fromFile = file != null && !file.isEmpty();
        String content = fromFile ? new String(file.getBytes(), StandardCharsets.UTF_8) : text;
        try {
            CalendarNotices.LoadResult result = notices.load(content, fromFile ? file.getOriginalFilename() : "（粘贴）",
                    user.actor().userId(), requestId == null || requestId.isBlank() ? null : requestId);
            if (result.unchanged()) {
                model.addAttribute("message", result.year() + " 年已是这份通知，未作任何改动");
                return page(model);
            }
            return "redirect:/calendar/notices/" + result.loadId();
        } catch (Rejection e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("text", content);
            return page(model);
        }
    }

    @GetMapping("/calendar/notices/{id}")
    String loaded(@PathVariable long id, Model model) {
        model.addAttribute("result", notices.result(id));
        return "calendar-notice-load";
    }

    private String page(Model model) {
        model.addAttribute("years", notices.years());
        model.addAttribute("history", notices.history());
        model.addAttribute("requestId", java.util.UUID.randomUUID().toString());
        return "calendar-notices";
    }
}
