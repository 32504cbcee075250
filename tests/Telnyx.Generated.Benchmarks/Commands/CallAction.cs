namespace Telnyx.Generated.Benchmarks.Commands;

/// <summary>The eight call control actions, as a benchmark parameter.</summary>
public enum CallAction
{
    UpdateClientState,
    Refer,
    SendDtmf,
    StartSiprec,
    StopSiprec,
    StartNoiseSuppression,
    StopNoiseSuppression,
    SwitchSupervisorRole,
}
