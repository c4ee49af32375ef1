package dev.tarmac.scaffolder.web;

import dev.tarmac.scaffolder.ScaffolderException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Scaffolder errors as RFC 9457 problem JSON naming the parameter or step at fault. */
@RestControllerAdvice(assignableTypes = {ScaffolderController.class, EventStreamController.class})
class ScaffolderErrors {

  @ExceptionHandler(ScaffolderException.class)
  ResponseEntity<ProblemDetail> scaffolder(ScaffolderException e) {
    HttpStatus status = HttpStatus.valueOf(e.status());
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(status.getReasonPhrase());
    return ResponseEntity.status(status).body(problem);
  }

  @ExceptionHandler(dev.tarmac.sdk.scaffolder.ScaffolderException.class)
  ResponseEntity<ProblemDetail> template(dev.tarmac.sdk.scaffolder.ScaffolderException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    problem.setTitle("Bad Request");
    return ResponseEntity.badRequest().body(problem);
  }
}
