<#
.SYNOPSIS
Builds the Windows installer of capi-console with jpackage, on Windows, into installers\target\:
  runtime\                  jlink of the JDK modules the app needs and the JavaFX modules (from the Maven jars for
                            Windows; their DLLs go to runtime\bin, where JavaFX looks first), with a CDS archive
  app-image\capi-console\   capi-console.exe (the window, no console) and capi-console-cli.exe (the commands, with
                            a console: capi-console-cli --help)
  capi-console-VERSION.msi  per-machine install into Program Files, Start menu entry and desktop shortcut

.DESCRIPTION
Needs: Windows 10 or later, a JDK 17+ with jmods (e.g. Temurin 17) in JAVA_HOME, Maven on the PATH, and the
WiX Toolset 3.x (candle.exe and light.exe on the PATH; jpackage 17 works with WiX 3 only, not 4 or 5):
https://github.com/wixtoolset/wix3/releases. Run from any folder:
  powershell -ExecutionPolicy Bypass -File installers\windows\package.ps1 [-SkipBuild]
Signing: sign capi-console.exe and capi-console-cli.exe in the app image and then the .msi with signtool
(signtool sign /fd SHA256 /tr TIMESTAMP_URL /td SHA256 /a FILE); unsigned, SmartScreen warns on first start.

.PARAMETER SkipBuild
Package app\target as it is instead of running mvn package first.
#>
param([switch]$SkipBuild)

$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
$installers = Join-Path $root 'installers'
$target = Join-Path $installers 'target'
$appTarget = Join-Path $root 'app\target'

function Say([string]$message) { Write-Host "[package] $message" }
function Fail([string]$message) { Write-Host "[package] ERROR: $message" -ForegroundColor Red; exit 1 }
function Invoke-Tool([string]$tool, [string[]]$arguments) {
    & $tool @arguments
    if ($LASTEXITCODE -ne 0) { Fail "$tool failed (exit $LASTEXITCODE)" }
}

# ------------------------------------------------------------------ tools ----
$javaHome = $env:JAVA_HOME
if (-not $javaHome -or -not (Test-Path (Join-Path $javaHome 'jmods\java.base.jmod'))) {
    Fail 'set JAVA_HOME to a JDK 17+ that has a jmods folder (e.g. Temurin 17)'
}
$env:PATH = (Join-Path $javaHome 'bin') + ';' + $env:PATH
foreach ($wix in 'candle.exe', 'light.exe') {
    if (-not (Get-Command $wix -ErrorAction SilentlyContinue)) {
        Fail "$wix is not on the PATH: install the WiX Toolset 3.x (jpackage 17 needs WiX 3) and add its bin folder"
    }
}

# ------------------------------------------------------------------ build ----
if (-not $SkipBuild) {
    Say 'building the application (mvn package)'
    Push-Location $root
    try { Invoke-Tool 'mvn' @('-B', '-q', '-ntp', '-DskipTests', 'package') } finally { Pop-Location }
}
$properties = Join-Path $appTarget 'classes\dev\capiconsole\build.properties'
$pomVersion = (Select-String -Path $properties -Pattern '^version=(.+)$').Matches[0].Groups[1].Value.Trim()
$version = $pomVersion -replace '-SNAPSHOT$', ''
Say "capi-console $pomVersion -> package version $version"

foreach ($dir in 'input', 'runtime', 'app-image', 'icons') {
    $path = Join-Path $target $dir
    if (Test-Path $path) { Remove-Item -Recurse -Force $path }
}
$inputDir = New-Item -ItemType Directory -Force (Join-Path $target 'input')
Copy-Item (Join-Path $appTarget 'capi-console.jar') $inputDir
$javafxJars = @()
foreach ($jar in Get-ChildItem (Join-Path $appTarget 'lib\*.jar')) {
    if ($jar.Name -like 'javafx-*-win.jar') { $javafxJars += $jar.FullName }
    elseif ($jar.Name -like 'javafx-*') { }  # the empty platform-neutral JavaFX jars
    else { Copy-Item $jar.FullName $inputDir }
}
if ($javafxJars.Count -eq 0) { Fail "no javafx-*-win.jar in $appTarget\lib: was the app built on Windows?" }
$javafxPath = $javafxJars -join ';'

# ---------------------------------------------------------------- modules ----
$javafxModules = foreach ($jar in $javafxJars) {
    ((& jar --describe-module --file $jar) | Select-Object -First 1) -replace '@.*', ''
}
$inputJars = (Get-ChildItem (Join-Path $inputDir '*.jar')).FullName
$classPath = $inputJars -join ';'
$jdkModules = (& jdeps --multi-release 17 --ignore-missing-deps --print-module-deps `
        --module-path $javafxPath --class-path $classPath @inputJars 2>$null | Select-Object -Last 1).Trim()
if ($jdkModules -notmatch 'java\.base') { Fail "jdeps found no modules: $jdkModules" }
# Reached only through services at run time, so jdeps cannot see them: TLS elliptic curves, DNS lookups.
$modules = "$jdkModules,jdk.crypto.ec,jdk.naming.dns," + ($javafxModules -join ',')
Say "modules: $modules"

# ---------------------------------------------------------------- runtime ----
# --generate-cds-archive gives the runtime the JDK's default class data sharing archive; an archive of the app's
# own classes would be tied to the install folder's absolute path.
$runtime = Join-Path $target 'runtime'
Invoke-Tool 'jlink' @('--module-path', "$javaHome\jmods;$javafxPath", '--add-modules', $modules,
    '--strip-debug', '--no-header-files', '--no-man-pages', '--generate-cds-archive',
    '--exclude-resources=glob:/javafx.graphics/*.dll,glob:/javafx.graphics/javafx-swt.jar',
    '--output', $runtime)
Add-Type -AssemblyName System.IO.Compression.FileSystem
foreach ($jar in $javafxJars) {
    $zip = [System.IO.Compression.ZipFile]::OpenRead($jar)
    try {
        foreach ($entry in $zip.Entries) {
            if ($entry.FullName -notmatch '/' -and $entry.Name -like '*.dll') {
                [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, (Join-Path $runtime "bin\$($entry.Name)"), $true)
            }
        }
    } finally { $zip.Dispose() }
}
if (-not (Test-Path (Join-Path $runtime 'bin\glass.dll'))) { Fail 'the JavaFX DLLs did not reach runtime\bin' }

# ------------------------------------------------------------------ icons ----
Invoke-Tool 'java' @('-Djava.awt.headless=true', (Join-Path $installers 'icons\IconArt.java'), (Join-Path $target 'icons'))
$icon = Join-Path $target 'icons\capi-console.ico'

# -------------------------------------------------------------- app image ----
$common = @('--name', 'capi-console', '--app-version', $version, '--vendor', 'capi-console',
    '--description', 'Desktop console for Kubernetes Cluster API',
    '--copyright', 'Copyright the capi-console authors. Apache-2.0.', '--icon', $icon)
# A second launcher with a console, for the commands: a windowed .exe cannot print to the terminal.
$cliLauncher = Join-Path $target 'capi-console-cli.properties'
Set-Content -Path $cliLauncher -Value @('win-console=true', 'description=capi-console commands (capi-console-cli --help)')
Say 'making the app image (jpackage)'
Invoke-Tool 'jpackage' (@('--type', 'app-image') + $common + @('--input', $inputDir.FullName,
        '--main-jar', 'capi-console.jar', '--main-class', 'dev.capiconsole.Main', '--runtime-image', $runtime,
        '--add-launcher', "capi-console-cli=$cliLauncher", '--dest', (Join-Path $target 'app-image')))
$appImage = Join-Path $target 'app-image\capi-console'
$check = & (Join-Path $appImage 'capi-console-cli.exe') --version
if ($LASTEXITCODE -ne 0 -or "$check" -notmatch 'capi-console') { Fail "the app image's launcher does not run: $check" }

# -------------------------------------------------------------------- msi ----
# The upgrade code stays the same for every version, so a newer .msi replaces the installed one.
Say 'making the .msi (jpackage, WiX)'
Get-ChildItem (Join-Path $target 'capi-console-*.msi') -ErrorAction SilentlyContinue | Remove-Item
Invoke-Tool 'jpackage' (@('--type', 'msi', '--app-image', $appImage) + $common + @(
        '--win-menu', '--win-menu-group', 'capi-console', '--win-shortcut', '--win-dir-chooser',
        '--win-upgrade-uuid', '87cf5b2c-8831-42ab-8b50-3bcfeaf5db70', '--dest', $target))
Say "done: $((Get-ChildItem (Join-Path $target 'capi-console-*.msi')).FullName)"
