package io.lenetedge.onnx;

/** A named value in a graph under construction: an input, an initializer or a node's output. */
public record OnnxRef(String name) {}
