#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Builds, tests, packs or cleans Telnyx.Generated: the PowerShell twin of .ci/run.

.DESCRIPTION
    Targets run in the order given. Test then Demo, the default, is what CI runs (.ci/run runs the README's commands).
      Build  dotnet build Telnyx.Generated.sln -warnaserror
      Test   dotnet test Telnyx.Generated.sln
      Demo   dotnet run --project src/Telnyx.Generated.Cli -- demo
      Pack   dotnet pack Telnyx.Generated.sln -c Release -o artifacts/packages
      Clean  dotnet clean Telnyx.Generated.sln, then removes artifacts/

.PARAMETER Target
    One or more of Build, Test, Demo, Pack, Clean (comma-separated). Default: Test,Demo.

.PARAMETER DryRun
    Print the commands without running them.

.EXAMPLE
    ./build.ps1 Test

.EXAMPLE
    ./build.ps1 Clean,Build,Pack
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Pack', 'Clean')]
    [string[]] $Target = @('Test', 'Demo'),

    [switch] $DryRun
)

# Only language features and .NET calls below, no cmdlets from the Utility or Management modules: the script then
# runs in any host, including the bare runspace the tests use to check it (tests/.../Build/BuildScriptTests.cs).
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$root = $PSScriptRoot
$solution = 'Telnyx.Generated.sln'

function Invoke-Dotnet([string[]] $Arguments) {
    # Printed as the command line a user would type; run from the repository root whatever the caller's location.
    "dotnet $($Arguments -join ' ')"
    if ($DryRun) { return }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $Arguments) { $start.ArgumentList.Add($argument) }
    $start.WorkingDirectory = $root
    $start.UseShellExecute = $false
    $start.Environment['DOTNET_CLI_TELEMETRY_OPTOUT'] = '1'
    $start.Environment['DOTNET_NOLOGO'] = '1'
    $process = [System.Diagnostics.Process]::Start($start)
    $process.WaitForExit()
    if ($process.ExitCode -ne 0) {
        throw "dotnet $($Arguments[0]) failed with exit code $($process.ExitCode)."
    }
}

foreach ($step in $Target) {
    switch ($step) {
        'Build' { Invoke-Dotnet @('build', $solution, '-warnaserror') }
        'Test' { Invoke-Dotnet @('test', $solution) }
        'Demo' { Invoke-Dotnet @('run', '--project', 'src/Telnyx.Generated.Cli', '--', 'demo') }
        'Pack' { Invoke-Dotnet @('pack', $solution, '-c', 'Release', '-o', 'artifacts/packages') }
        'Clean' {
            Invoke-Dotnet @('clean', $solution)
            $artifacts = [System.IO.Path]::Combine($root, 'artifacts')
            'remove artifacts/'
            if (-not $DryRun -and [System.IO.Directory]::Exists($artifacts)) {
                [System.IO.Directory]::Delete($artifacts, $true)
            }
        }
    }
}
