; NSIS installer of posapp for Windows, wrapping the one-folder PyInstaller bundle.
;   makensis /DVERSION=0.1.0 /DBUNDLE=dist\posapp /DICON=build\icons\posapp.ico /DOUTFILE=dist\posapp-0.1.0-setup.exe packaging\windows\posapp.nsi
; Installs per machine under Program Files, with a Start-menu entry and an uninstaller. The merchant's
; settings, journal and logs live in their own AppData folders (platformdirs), which neither an upgrade
; nor the uninstaller touches.
Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "pass /DVERSION=x.y.z"
!endif
!ifndef BUNDLE
  !error "pass /DBUNDLE=path\to\dist\posapp"
!endif
!ifndef OUTFILE
  !define OUTFILE "posapp-${VERSION}-setup.exe"
!endif

!include "MUI2.nsh"

Name "posapp ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\posapp"
InstallDirRegKey HKLM "Software\posapp" "InstallDir"
RequestExecutionLevel admin
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "posapp"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "posapp installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "posapp maintainers"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "French"

Section "posapp"
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the whole bundle: files a newer build no longer has must not linger.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\posapp.lnk" "$INSTDIR\posapp.exe"
  WriteRegStr HKLM "Software\posapp" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\posapp" "DisplayName" "posapp"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\posapp" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\posapp" "DisplayIcon" "$INSTDIR\posapp.exe"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\posapp" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\posapp" "NoModify" 1
SectionEnd

Section "Uninstall"
  Delete "$SMPROGRAMS\posapp.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\posapp.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\posapp"
  DeleteRegKey HKLM "Software\posapp"
SectionEnd
