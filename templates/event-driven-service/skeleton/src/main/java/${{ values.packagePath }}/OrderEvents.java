package ${{ values.javaPackage }};

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** Consumes ${{ values.name }}.in and publishes what it handled to ${{ values.name }}.out. */
@Component
public class OrderEvents {

  static final String IN = "${{ values.name }}.in";
  static final String OUT = "${{ values.name }}.out";

  private final RabbitTemplate rabbit;

  public OrderEvents(RabbitTemplate rabbit) {
    this.rabbit = rabbit;
  }

  @Bean
  static Queue inbound() {
    return new Queue(IN, true);
  }

  @Bean
  static Queue outbound() {
    return new Queue(OUT, true);
  }

  @RabbitListener(queues = IN)
  public void handle(String message) {
    rabbit.convertAndSend(OUT, handled(message));
  }

  static String handled(String message) {
    return "handled:" + message;
  }
}
