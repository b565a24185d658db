package io.lenetedge.edge.http;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.lenetedge.common.UserError;
import io.lenetedge.edge.model.ModelFile;
import io.lenetedge.edge.model.ModelInstaller;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /model[?sha256=HEX]}: the request body is a model; it is validated and installed as
 * {@code install-model} does (a write endpoint: see {@link WriteAccess}), and the running loop
 * switches to it between frames. 200 with what was installed, 422 with the reason it was refused
 * (nothing changed), 409 when this run does not use the models folder.
 */
final class ModelUploadHandler implements HttpHandler {
  static final int MAX_BODY_BYTES = 64 << 20;
  private static final Pattern SHA_QUERY = Pattern.compile("(?:^|&)sha256=([0-9a-fA-F]{64})(?:&|$)");

  private final ModelInstaller installer;
  private final Consumer<String> log;

  /** @param installer null when the run uses {@code --model FILE} */
  ModelUploadHandler(ModelInstaller installer, Consumer<String> log) {
    this.installer = installer;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    if (installer == null) {
      Responses.text(ex, 409, "this run uses --model FILE; POST /model installs into the models"
          + " folder, which run uses without --model");
      return;
    }
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length == 0 || body.length > MAX_BODY_BYTES) {
      Responses.text(ex, body.length == 0 ? 400 : 413, body.length == 0
          ? "the request body must be the ONNX model" : "request body over 64 MiB: not a model of this runtime");
      return;
    }
    String query = ex.getRequestURI().getRawQuery();
    Matcher sha = query == null ? null : SHA_QUERY.matcher(query);
    String expected = sha != null && sha.find() ? sha.group(1) : null;
    JsonObject o = new JsonObject();
    try {
      synchronized (installer) {
        ModelInstaller.Installed done = installer.install(new ModelFile("POST /model", body), expected);
        o.addProperty("installed", true);
        o.addProperty("sha256", done.sha256());
        o.addProperty("check", done.score().toString());
        o.addProperty("replaced_check", done.replacedScore().toString());
        log.accept("model: installed from POST /model (" + done + "); switching between frames");
        Responses.json(ex, 200, o);
      }
    } catch (UserError e) {
      if (e.kind() != UserError.Kind.MODEL) {
        throw e;
      }
      refuse(ex, o, e);
    } catch (IllegalArgumentException e) {
      refuse(ex, o, e);
    }
  }

  private void refuse(HttpExchange ex, JsonObject o, RuntimeException e) throws IOException {
    o.addProperty("installed", false);
    o.addProperty("reason", e.getMessage());
    log.accept("model: POST /model refused: " + e.getMessage());
    Responses.json(ex, 422, o);
  }
}
