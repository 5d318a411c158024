#!/usr/bin/env bash
# Takes docs/weka-explorer-geotrans.png: installs the built package into a temporary WEKA_HOME and
# drives Weka's Explorer under Xvfb (apt-get install xvfb). Run from the repository root after
# `mvn -pl adapters-weka -am package -DskipTests`.
set -euo pipefail
zip=$(ls adapters-weka/target/geotrans-*-weka.zip)
m2=${M2_REPO:-$HOME/.m2/repository}
cp=$m2/nz/ac/waikato/cms/weka/weka-stable/3.8.6/weka-stable-3.8.6.jar
# weka-stable's own dependencies (the official weka.jar bundles them)
for g in com/github/vbmacher nz/ac/waikato/cms/weka/thirdparty com/googlecode/matrix-toolkits-java com/github/fommil \
         net/sourceforge/f2j com/googlecode/netlib-java com/github/fracpete com/formdev; do
  for j in $(find "$m2/$g" -name '*.jar' ! -name '*-sources.jar' 2>/dev/null); do cp=$cp:$j; done
done
export WEKA_HOME=$(mktemp -d)
java -cp "$cp" weka.core.WekaPackageManager -offline -install-package "$zip"
xvfb-run -a -s "-screen 0 1280x900x24" java -Xmx3g -cp "$cp" docs/screenshot/ExplorerScreenshot.java \
  /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz docs/weka-explorer-geotrans.png
rm -rf "$WEKA_HOME"
