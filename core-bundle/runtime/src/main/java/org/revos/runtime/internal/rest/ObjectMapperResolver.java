package org.revos.runtime.internal.rest;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.revos.runtime.internal.json.Json;

/** Hands Jackson's provider the API's object mapper. */
@Provider
public final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return Json.MAPPER;
    }
}
