package org.medfund.web.settlement;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medfund.web.MedfundUser;
import org.medfund.web.PageRefusal;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.medfund.claims.IntakeRejection;
import org.medfund.claims.IntakeResult;
import org.medfund.claims.SettlementFields;
import org.medfund.claims.SettlementFiles;
import org.medfund.claims.SettlementIntake;
import org.medfund.common.Rejection;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff page to upload a settlement file (CSV or xlsx). A refused file shows every bad row and field on the page,
 * and the same report can be downloaded as CSV; nothing of the file is kept.
 */
@Controller
class SettlementUploadPages {

    private final SettlementIntake intake;

    SettlementUploadPages(SettlementIntake intake) {
        this.intake = intake;
    }

    @GetMapping("/settlements/upload")
    String form(@AuthenticationPrincipal MedfundUser user, Model model) {
        model.addAttribute("canUpload", !user.actor().has(org.medfund.registry.Role.AUDITOR));
        model.addAttribute("fields", SettlementFields.ALL);
        model.addAttribute("requestId", java.util.UUID.randomUUID().toString());
        return "settlement-upload";
    }

    /** A template CSV with the header row, for hospitals that build the file by hand. */
    @GetMapping("/settlements/upload/template.csv")
    ResponseEntity<String> template() {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=settlements.csv")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(String.join(",", SettlementFields.ALL) + "\n");
    }

    @PostMapping("/settlements/upload")
    String upload(@AuthenticationPrincipal MedfundUser user,
                  @RequestParam(name = "file", required = false) MultipartFile file,
                  @RequestParam("requestId") String requestId, Model model, HttpServletRequest request,
                  HttpServletResponse response) throws IOException {
        model.addAttribute("fields", SettlementFields.ALL);
        model.addAttribute("requestId", java.util.UUID.randomUUID().toString());
        model.addAttribute("canUpload", true);
        // Optional so that a post without a file (or not multipart at all) gets this message, not a server error.
        if (file == null || file.isEmpty()) {
            Rejection empty = new Rejection("claims.empty", "file", "请选择文件");
            PageRefusal.mark(request, response, empty);
            model.addAttribute("refused", empty);
            return "settlement-upload";
        }
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        Path temp = Files.createTempFile("upload", name.toLowerCase().endsWith(".xlsx") ? ".xlsx" : ".csv");
        model.addAttribute("fileName", name);
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            IntakeResult result = intake.importFile(user.actor(), temp, name, requestId);
            model.addAttribute("result", result);
        } catch (IntakeRejection rejected) {
            PageRefusal.mark(request, response, rejected);
            model.addAttribute("rejected", rejected);
            StringWriter report = new StringWriter();
            SettlementFiles.writeErrorsCsv(rejected.errors(), report);
            model.addAttribute("reportCsv", report.toString());
        } catch (Rejection refused) {
            // The whole file is refused (not a table, unknown column, too large…): said on the form, next to it.
            PageRefusal.mark(request, response, refused);
            model.addAttribute("refused", refused);
        } finally {
            Files.deleteIfExists(temp);
        }
        return "settlement-upload";
    }
}
