package dev.strato.generator.aws;

import dev.strato.generator.GenerationException;

/** What differs between the formats: how functions, their triggers and the HTTP API are written. */
interface TemplateStyle {

    /** The template's Transform, or null. */
    String transform();

    void httpApi(Template t, HttpApiPlan api) throws GenerationException;

    void function(Template t, FunctionParts parts);

    /** The HTTP API's URL as an output value. */
    Object apiUrl();
}
