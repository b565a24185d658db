package io.lenetedge.onnx;

import java.util.Map;

/**
 * What the model file says about itself besides the graph.
 *
 * @param metadata ordered {@code metadata_props}
 */
public record ModelInfo(String producerName, String producerVersion, long modelVersion,
    String docString, Map<String, String> metadata) {}
