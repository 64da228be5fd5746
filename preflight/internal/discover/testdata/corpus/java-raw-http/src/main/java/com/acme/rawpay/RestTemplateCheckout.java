package com.acme.rawpay;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestTemplate;

import java.util.Map;

@Component
public class RestTemplateCheckout {

    static final String API = "https://api.checkout.com";
    static final String FILES_API = "https://files.checkout.com";

    private final RestTemplate restTemplate;

    public RestTemplateCheckout(RestTemplate restTemplate) {
        this.restTemplate = restTemplate;
    }

    private HttpHeaders headers(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        return headers;
    }

    public Map<?, ?> voidPayment(String paymentId, String key) {
        HttpEntity<Map<String, String>> entity = new HttpEntity<>(Map.of("reference", "void-" + paymentId), headers(key));
        ResponseEntity<Map> response = restTemplate.postForEntity(API + "/payments/{id}/voids", entity, Map.class, paymentId); // want: POST /payments/{}/voids
        return response.getBody();
    }

    public Map<?, ?> paymentActions(String paymentId, String key) {
        return restTemplate.exchange(
                API + "/payments/{id}/actions", // want: GET /payments/{}/actions
                HttpMethod.GET,
                new HttpEntity<>(headers(key)),
                Map.class,
                paymentId).getBody();
    }

    public Map<?, ?> uploadEvidence(FileSystemResource pdf, String key) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", pdf);
        body.add("purpose", "dispute_evidence");
        HttpHeaders headers = headers(key);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return restTemplate.exchange(FILES_API + "/files", HttpMethod.POST, new HttpEntity<>(body, headers), Map.class) // want: POST /files
                .getBody();
    }

    public void updateCustomer(String customerId, Map<String, Object> patch, String key) {
        restTemplate.patchForObject(API + "/customers/" + customerId, new HttpEntity<>(patch, headers(key)), Void.class); // want: PATCH /customers/{}
    }
}
