package dev.o2c.modeling;

import dev.o2c.modeling.ModelChecks.Finding;
import dev.o2c.modeling.ModelDeployments.Deployed;
import dev.o2c.platform.security.Allowed;
import dev.o2c.platform.security.CurrentUser;
import dev.o2c.platform.security.Groups;
import dev.o2c.platform.web.ApiProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * The safe deploy: analysts upload changed .bpmn, .dmn and .form files (any part names, one or more files); they are
 * deployed together only if the pre-deployment checks over everything that runs find nothing.
 */
@RestController
@RequestMapping("/api/models")
@Allowed({Groups.BUSINESS_ANALYSTS, Groups.OPERATORS})
class ModelController {

    /** More files than any change touches; keeps one request from making the checks parse hundreds of models. */
    static final int MAX_FILES = 20;

    private final ModelDeployments deployments;

    /** A model or form of this application is a few dozen KB; anything past this is not one. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    /** 413 like any other upload over its limit: an HTTP matter, so it stays in the web layer. */
    static final class ModelTooLarge extends ApiProblem {
        ModelTooLarge(String name) {
            super(
                    org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE,
                    "file",
                    name + " is larger than " + MAX_FILE_BYTES / 1024 + " KB, more than any process model or form");
        }
    }

    ModelController(ModelDeployments deployments) {
        this.deployments = deployments;
    }

    record DeploymentView(long deploymentKey, List<Deployed> deployed) {}

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> deploy(MultipartHttpServletRequest request) throws IOException {
        List<MultipartFile> uploads = new ArrayList<>();
        request.getMultiFileMap().values().forEach(uploads::addAll);
        uploads.removeIf(upload -> upload.getOriginalFilename() == null && upload.isEmpty());
        if (uploads.isEmpty()) {
            throw new InvalidModelException("file", "Upload one or more .bpmn, .dmn or .form files.");
        }
        if (uploads.size() > MAX_FILES) {
            throw new InvalidModelException(
                    "file", "At most " + MAX_FILES + " files in one deployment (got " + uploads.size() + ").");
        }
        List<ModelFile> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> definedIn = new HashMap<>();
        for (MultipartFile upload : uploads) {
            String name = upload.getOriginalFilename();
            if (upload.getSize() > MAX_FILE_BYTES) {
                // the application's upload limit is sized for bank statements; a model is far smaller
                throw new ModelTooLarge(name);
            }
            ModelFile file;
            try {
                file = ModelFile.read(name, upload.getBytes());
            } catch (ModelFile.Refused e) {
                throw new InvalidModelException("file", e.getMessage());
            }
            if (!names.add(file.name())) {
                throw new InvalidModelException("file", file.name() + " is uploaded twice.");
            }
            for (var id : file.ids().entrySet()) {
                String other = definedIn.putIfAbsent(id.getValue() + ":" + id.getKey(), file.name());
                if (other != null) {
                    throw new InvalidModelException(
                            "file",
                            file.name() + " and " + other + " both define "
                                    + id.getValue().name().toLowerCase() + " '" + id.getKey() + "'.");
                }
            }
            files.add(file);
        }
        ModelDeployments.Outcome outcome =
                deployments.deploy(files, CurrentUser.get().name());
        if (!outcome.accepted()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Nothing was deployed: the checks found "
                            + outcome.findings().size() + " problem(s).");
            problem.setTitle("Models refused");
            problem.setProperty(
                    "findings",
                    outcome.findings().stream().map(ModelController::view).toList());
            return ResponseEntity.unprocessableEntity()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new DeploymentView(outcome.deploymentKey(), outcome.deployed()));
    }

    private static Map<String, String> view(Finding finding) {
        Map<String, String> view = new java.util.LinkedHashMap<>();
        view.put("file", finding.resource());
        view.put("element", finding.elementId());
        view.put("message", finding.message());
        return view;
    }

    @GetMapping
    List<Deployed> deployed() {
        return deployments.deployed();
    }
}
