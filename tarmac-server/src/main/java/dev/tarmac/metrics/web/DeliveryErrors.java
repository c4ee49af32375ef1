package dev.tarmac.metrics.web;

import dev.tarmac.metrics.DeliveryException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps delivery errors to RFC 9457 problem JSON naming the field at fault. */
@RestControllerAdvice(basePackageClasses = DeliveryErrors.class)
class DeliveryErrors {

  @ExceptionHandler(DeliveryException.class)
  ResponseEntity<ProblemDetail> delivery(DeliveryException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(
        status == HttpStatus.BAD_REQUEST ? "Invalid delivery event" : status.getReasonPhrase());
    problem.setType(URI.create("about:blank"));
    if (e.field() != null) {
      problem.setProperty("field", e.field());
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
