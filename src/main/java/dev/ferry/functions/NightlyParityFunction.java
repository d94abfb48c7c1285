package dev.ferry.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.TimerTrigger;

/** The nightly parity check on its NCRONTAB schedule (app setting FERRY_PARITY_SCHEDULE, 02:00 UTC by default in infra/). */
public final class NightlyParityFunction {

    @FunctionName("NightlyParityCheck")
    public void run(@TimerTrigger(name = "timer", schedule = "%FERRY_PARITY_SCHEDULE%") String timer, ExecutionContext context) {
        new ParityCheck(System::getenv, Telemetry.global(), context.getLogger()::info, context.getLogger()::severe).run();
    }
}
