// Draws the MedAudit API description with Swagger UI. A file of its own because the CSP allows no inline script.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: new URL('openapi.yml', window.location.href).toString(),
    dom_id: '#swagger-ui',
    deepLinking: true,
    // Never send the spec to validator.swagger.io: the page stays on this server.
    validatorUrl: null,
    // "Try it out" sends the bearer token given under "Authorize"; the session cookie goes with it by itself.
    withCredentials: true,
    persistAuthorization: false
  });
});
